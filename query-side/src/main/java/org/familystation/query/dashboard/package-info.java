/**
 * The services summary ({@code /api/dashboard/summary} and its .xlsx): the one dashboard that is a composition across
 * features, not a read model of its own. It counts stations by district and tier (station, with the network's current
 * tiers), members by alliance and status (alliance) and services by point, project, district and month
 * (servicerecord's {@code rm_service_stats}) in one answer, and the as-of and evaluation reports reuse its shapes.
 * Every dashboard that reads one feature lives in that feature: needs, referrals, funding mix, volunteer hours, the
 * network.
 */
package org.familystation.query.dashboard;
