package org.familystation.query.alliance;

import org.familystation.events.common.Alliance;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The convention versions an alliance has published. */
@RestController
public class AllianceConventionQueryController {

    private final PublishedConventions conventions;

    public AllianceConventionQueryController(PublishedConventions conventions) {
        this.conventions = conventions;
    }

    @GetMapping("/api/alliances/{alliance}/conventions")
    public AllianceConventions conventions(@PathVariable Alliance alliance) {
        List<ConventionVersion> versions = conventions.versions(alliance);
        return new AllianceConventions(alliance, alliance.label(),
                versions.isEmpty() ? null : versions.get(0).conventionVersion(), versions);
    }
}
