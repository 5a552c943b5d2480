package org.familystation.app.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.familystation.command.alliance.ReviewAllianceApplication;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.CapacityPeriod;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ConsentMethod;
import org.familystation.events.common.FundingSource;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.Pricing;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.SocialWorkerQualification;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.SurveyChannel;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.platform.security.Role;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request bodies as the commands read them. Commands take their enumerated fields as text and refuse an unknown
 * value naming the field (Rules.oneOf), so the allowed values are listed here from the enum each field is parsed
 * into; and the fields a command refuses when missing are marked required.
 */
final class RequestBodies {

    /** Request field name → the enum its text must name (the same field name means the same enum in every body). */
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
            Map.entry("alliance", Alliance.class), Map.entry("organisationType", OrganisationType.class),
            Map.entry("pricing", Pricing.class), Map.entry("capacityPeriod", CapacityPeriod.class),
            Map.entry("level", UnitLevel.class), Map.entry("tier", HomeTier.class),
            Map.entry("roles", Role.class), Map.entry("centre", CityCentre.class),
            Map.entry("stationPoint", StationPoint.class),
            Map.entry("providerKind", ProviderKind.class), Map.entry("source", FundingSource.class),
            Map.entry("consentMethod", ConsentMethod.class),
            Map.entry("qualification", SocialWorkerQualification.class), Map.entry("channel", SurveyChannel.class),
            Map.entry("subjectKind", DataSubjectKind.class),
            Map.entry("decision", ReviewAllianceApplication.Decision.class));

    /** Path parameters parsed the same way; {@code kind} is a catalogue's only under /api/catalogues. */
    private static final Map<String, Class<? extends Enum<?>>> PATH_ENUMS = Map.of(
            "point", StationPoint.class, "alliance", Alliance.class);

    /**
     * Request body schema → the fields its command refuses when missing (requiredText, notInFuture, oneOf, an
     * unknown id); the rest may be left out (a client-chosen id, optional notes, fields of one kind only).
     */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("Reason", List.of("reason")), Map.entry("Release", List.of("reason")),
            Map.entry("Voiding", List.of("reason")), Map.entry("Withdrawal", List.of("reason")),
            Map.entry("Retirement", List.of("reason")),
            Map.entry("ServiceCorrection", List.of("changes", "reason")),
            Map.entry("SurveyCorrection", List.of("changes", "reason")),
            Map.entry("Credentials", List.of("username", "password")),
            Map.entry("PasswordChange", List.of("currentPassword", "newPassword")),
            Map.entry("NewAccount", List.of("username", "displayName", "roles", "initialPassword")),
            Map.entry("Access", List.of("roles")), Map.entry("NewPassword", List.of("newPassword")),
            Map.entry("Erasure", List.of("subjectKind", "subjectId", "reason")),
            Map.entry("Application", List.of("alliance", "organisationName", "organisationType")),
            Map.entry("Review", List.of("decision")),
            Map.entry("Signature", List.of("conventionVersion", "signatory")),
            Map.entry("Publication", List.of("conventionVersion", "summary")),
            Map.entry("NewOffering", List.of("stationId", "projectCode", "pricing", "capacity", "capacityPeriod")),
            Map.entry("Establishment", List.of("level", "name")), Map.entry("Rating", List.of("tier", "reason")),
            Map.entry("Opening", List.of("communityHomeId", "stationName")),
            Map.entry("Specialty", List.of("specialtyCode")),
            Map.entry("NewSurvey", List.of("surveyedOn", "channel", "needs")),
            Map.entry("NewRecord", List.of("stationPoint", "projectCode", "providerKind", "deliveredAt")),
            Map.entry("NewReferral", List.of("centre", "category", "summary", "consentGiven", "consentMethod")),
            Map.entry("Resolution", List.of("outcome")),
            Map.entry("Receipt", List.of("source", "donor", "amountFen", "receivedAt")),
            Map.entry("NewAllocation", List.of("amountFen")),
            Map.entry("NewExpenditure", List.of("amountFen", "purpose", "spentAt")),
            Map.entry("Entry", List.of("code", "name")),
            Map.entry("Recruitment", List.of("name")), Map.entry("Assignment", List.of("stationId")),
            Map.entry("StaffRegistration", List.of("name", "unitId")),
            Map.entry("VolunteerRegistration", List.of("name")), Map.entry("Hours", List.of("minutes")));

    private RequestBodies() {
    }

    static void describe(OpenAPI api) {
        if (api.getPaths() == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> described = new HashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            describeParameters(path, operation);
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().setRequired(true);
                for (MediaType media : operation.getRequestBody().getContent().values()) {
                    describe(media.getSchema(), schemas, described);
                }
            }
        }));
    }

    private static void describeParameters(String path, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        // A handler reading all query parameters as one map (the audit trail's filters) would show as one required
        // parameter named after the Java argument: it is any number of optional query parameters instead.
        operation.getParameters().stream()
                .filter(parameter -> "query".equals(parameter.getIn()) && parameter.getSchema() != null
                        && String.valueOf(parameter.getSchema().get$ref()).endsWith("/MultiValueMapStringString"))
                .forEach(parameter -> parameter.name("filters").required(false).style(Parameter.StyleEnum.FORM)
                        .explode(true).schema(new ObjectSchema().additionalProperties(new StringSchema()))
                        .description("过滤条件，每个一个查询参数；不认识的参数会被拒绝（400） · filters, one query "
                                + "parameter each; an unknown one is refused (400)"));
        operation.getParameters().stream().filter(parameter -> "path".equals(parameter.getIn())).forEach(parameter -> {
            Class<? extends Enum<?>> type = path.startsWith("/api/catalogues/") && "kind".equals(parameter.getName())
                    ? CatalogueKind.class : PATH_ENUMS.get(parameter.getName());
            if (type != null && isText(parameter.getSchema())) {
                parameter.setSchema(oneOf(type));
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(Schema<?> schema, Map<String, Schema> schemas, Set<String> described) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            Schema<?> named = schemas.get(name);
            if (named != null && described.add(name)) {
                REQUIRED.getOrDefault(name, List.of()).stream().filter(field -> named.getProperties() != null
                        && named.getProperties().containsKey(field)).forEach(named::addRequiredItem);
                describe(named, schemas, described);
            }
            return;
        }
        if (schema.getItems() != null) {
            describe(schema.getItems(), schemas, described);
        }
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = schema.getProperties();
        properties.replaceAll((field, property) -> {
            Class<? extends Enum<?>> type = ENUMS.get(field);
            if (type != null && isText(property)) {
                return oneOf(type).description(property.getDescription());
            }
            if (type != null && property.getItems() != null && isText(property.getItems())) {
                return new ArraySchema().items(oneOf(type)).description(property.getDescription());
            }
            return property;
        });
        properties.values().forEach(property -> describe(property, schemas, described));
    }

    /**
     * A new schema, never the one springdoc made: it shares one instance among parameters and properties of the
     * same type, and an enum set on it would show on every other string.
     */
    private static Schema<String> oneOf(Class<? extends Enum<?>> type) {
        return new StringSchema()._enum(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private static boolean isText(Schema<?> schema) {
        return schema != null && schema.getEnum() == null && ("string".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("string")));
    }
}
