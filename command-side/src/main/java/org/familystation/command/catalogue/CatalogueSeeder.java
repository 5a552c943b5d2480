package org.familystation.command.catalogue;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.familystation.command.common.CommandSender;
import org.familystation.platform.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds a fresh system's catalogues with the defaults, through the same commands a user sends, so the seeding is
 * history like everything else. Entries that exist (or that another node adds at the same moment) are left alone;
 * retired defaults stay retired.
 */
@Component
@ConditionalOnProperty(name = "familystation.catalogue.seed-defaults", matchIfMissing = true)
public class CatalogueSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);

    private final CatalogueRegistry catalogue;
    private final CommandSender sender;

    public CatalogueSeeder(CatalogueRegistry catalogue, CommandSender sender) {
        this.catalogue = catalogue;
        this.sender = sender;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int added = 0;
        for (AddCatalogueEntry entry : CatalogueDefaults.ENTRIES) {
            if (catalogue.find(entry.kind(), entry.code()).isPresent()) {
                continue;
            }
            try {
                sender.send(entry);
                added++;
            } catch (AggregateStreamCreationException | DomainException addedElsewhere) {
                log.debug("Catalogue entry {} was added by another node", entry.entryId());
            }
        }
        if (added > 0) {
            log.info("Seeded {} default catalogue entries", added);
        }
    }
}
