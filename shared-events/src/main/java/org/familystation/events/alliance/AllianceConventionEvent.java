package org.familystation.events.alliance;

import org.familystation.events.common.Alliance;

/** Everything that can happen to an alliance's convention (联盟公约); one stream per alliance. */
public sealed interface AllianceConventionEvent permits AllianceConventionPublished {

    Alliance alliance();
}
