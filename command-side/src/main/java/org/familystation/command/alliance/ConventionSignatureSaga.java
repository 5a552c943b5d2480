package org.familystation.command.alliance;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.familystation.command.sagacommand.SagaCommands;
import org.familystation.events.alliance.AllianceConventionPublished;
import org.familystation.events.common.Alliance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

/**
 * The grace period of one convention version: started by its publication, it waits until the signature is due,
 * then has every admitted member that still has not signed it suspended ({@link EnforceConventionSignature}; the
 * member decides, so a signature that arrived just in time is never missed). A newer publication supersedes it:
 * members then owe the newer version, by its own due date.
 * <p>
 * The saga lives in the JDBC saga store and its deadline in PostgreSQL (see {@code DeadlineConfiguration}), so
 * both survive restarts; the enforcements go through {@link SagaCommands}, retried until done or refused. Its
 * fields are stored as JSON.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ConventionSignatureSaga {

    static final String SIGNATURE_DUE = "convention-signature-due";
    static final String ALLIANCE = "alliance";

    private Alliance alliance;
    private String conventionVersion;
    private Instant signatureDueBy;

    // Resources for the deadline handler (whose first parameter would be taken for the deadline's payload).
    @Autowired
    private transient MemberRegistry members;
    @Autowired
    private transient SagaCommands commands;

    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = ALLIANCE)
    void on(AllianceConventionPublished event, DeadlineManager deadlines) {
        if (conventionVersion != null) {
            if (!conventionVersion.equals(event.conventionVersion())) {
                deadlines.cancelAllWithinScope(SIGNATURE_DUE);
                SagaLifecycle.end();
            }
            return;
        }
        if (event.supersededVersion() == null) {
            // The alliance's first version: nobody can have been admitted without signing it.
            SagaLifecycle.end();
            return;
        }
        alliance = event.alliance();
        conventionVersion = event.conventionVersion();
        signatureDueBy = event.signatureDueBy();
        deadlines.schedule(signatureDueBy, SIGNATURE_DUE);
    }

    @DeadlineHandler(deadlineName = SIGNATURE_DUE)
    void signatureDue() {
        members.admittedWithoutSignature(alliance, conventionVersion)
                .forEach(memberId -> commands.send("EnforceConventionSignature:" + memberId + ":" + conventionVersion,
                        new EnforceConventionSignature(memberId, conventionVersion)));
        SagaLifecycle.end();
    }

    Instant signatureDueBy() {
        return signatureDueBy;
    }
}
