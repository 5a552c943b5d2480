package org.familystation.query.admin;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.familystation.platform.eventstore.ProcessorProperties;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a data folder from before processor families ({@link ProcessingGroups#FAMILIES}), whose tokens are stored
 * under the old processors' names (one per processing group), without losing or skipping an event: a family without
 * tokens gets, on each of its segments, the lower bound of every token of its groups (the lowest position, with
 * every gap any of them still waits for below it), so each group is handed again at most the events it had already
 * applied, which its projection ignores (every projection is idempotent: docs/design/processor-families.md says why
 * for each). The old tokens are removed, so the admin shows no processor that no longer runs.
 * <p>
 * A rebuild of an old processor under way ends as failed (its participants undo what its reset prepared: a search
 * index's write alias returns to the index searches read); its replay's position is the group's token, so the family
 * goes on from there and the group's tables are complete once the family has caught up.
 * <p>
 * Runs once all beans exist and before Axon's processors start (they would create empty tokens for a family and read
 * it from the first event), in one transaction under an advisory lock, so that nodes starting together move the
 * tokens once. A family that already has tokens keeps them; its groups' stale tokens are removed.
 */
@Component
public class ProcessorFamilyUpgrade implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProcessorFamilyUpgrade.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TokenPositions tokens;
    private final TokenStore tokenStore;
    private final ProcessorProperties properties;
    private final List<RebuildParticipant> participants;
    private final Clock clock;

    public ProcessorFamilyUpgrade(JdbcTemplate jdbc, PlatformTransactionManager transactions, TokenPositions tokens,
                                  TokenStore tokenStore, ProcessorProperties properties,
                                  List<RebuildParticipant> participants, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.tokens = tokens;
        this.tokenStore = tokenStore;
        this.properties = properties;
        this.participants = participants;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        upgrade();
    }

    /**
     * Moves the old processors' tokens to their families.
     *
     * @return the families whose tokens were made from their groups' tokens
     */
    public List<String> upgrade() {
        List<String> interrupted = new ArrayList<>();
        List<String> moved = transaction.execute(status -> {
            jdbc.query("SELECT pg_advisory_xact_lock(hashtext('processor-families'))", row -> { });
            List<String> families = new ArrayList<>();
            ProcessingGroups.FAMILIES.forEach((family, groups) -> {
                Map<String, Collection<TrackingToken>> stored = new LinkedHashMap<>();
                groups.stream().filter(group -> !group.equals(family)).forEach(group -> {
                    Map<Integer, TrackingToken> segments = tokens.tokens(group);
                    if (!segments.isEmpty()) {
                        stored.put(group, segments.values());
                    }
                });
                if (stored.isEmpty()) {
                    return;
                }
                if (tokens.tokens(family).isEmpty()) {
                    TrackingToken start = lowerBound(stored.values().stream().flatMap(Collection::stream).toList());
                    tokenStore.initializeTokenSegments(family, properties.getSegments(), start);
                    families.add(family);
                    log.info("Processor family {} starts at {} (the lower bound of the tokens of {})", family,
                            start == null ? "the first event" : start.position().orElse(-1), stored.keySet());
                } else {
                    log.warn("Processor family {} has its tokens: the stale tokens of {} are removed", family,
                            stored.keySet());
                }
                for (String group : stored.keySet()) {
                    jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", group);
                    interrupted.addAll(jdbc.queryForList("UPDATE admin_rebuild SET state = ?, finished_at = ?,"
                                    + " failure = ? WHERE processor_name = ? AND state IN (?, ?)"
                                    + " RETURNING processor_name",
                            String.class, Rebuild.FAILED, Sql.timestamp(clock.instant()),
                            "interrupted by the upgrade to processor families: " + group + " is read by " + family
                                    + " now, which goes on from where the replay stood",
                            group, Rebuild.STOPPING, Rebuild.REPLAYING));
                }
            });
            return families;
        });
        for (RebuildParticipant participant : participants) {
            if (interrupted.contains(participant.processingGroup())) {
                try {
                    participant.rebuildFailed();
                } catch (RuntimeException e) {
                    log.warn("Undoing the interrupted rebuild of {} failed", participant.processingGroup(), e);
                }
            }
        }
        return moved;
    }

    /**
     * The token from which every event that any of {@code stored} has not handled is delivered again: null (the
     * first event) when one of them has handled nothing; a replay counts at the position it had reached.
     */
    static TrackingToken lowerBound(List<TrackingToken> stored) {
        TrackingToken lowest = null;
        for (TrackingToken token : stored) {
            TrackingToken plain = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (plain == null) {
                return null;
            }
            lowest = lowest == null ? plain : lowest.lowerBound(plain);
        }
        return lowest;
    }
}
