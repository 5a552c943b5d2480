package org.familystation.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * How request bodies are read: strictly, once, at the edge, so no controller or rule has to think about it.
 * <ul>
 *     <li>no coercion between strings, numbers and booleans ({@code "12"} is not a count, {@code 123} is not a
 *     description, a number is not an instant, an enum is not its index): 400 naming the field;</li>
 *     <li>a key given twice is refused, not "last one wins" (400 {@code DUPLICATE_FIELD});</li>
 *     <li>nesting is bounded ({@code familystation.input.max-nesting-depth});</li>
 *     <li>every string of every body is {@link Text text} (400 {@code TEXT_INVALID_CHARACTERS});</li>
 *     <li>every date and instant lies within the {@link NetworkDates network's years} (400 {@code DATE_OUT_OF_RANGE}).</li>
 * </ul>
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Applies the rules to the web's mapper (not to the event store's, which must read what was stored). */
    public static void configure(ObjectMapper mapper, NetworkDates dates, InputProperties limits) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.getMaxNestingDepth())
                .maxStringLength(Math.toIntExact(Math.min(Integer.MAX_VALUE, limits.getMaxBodySize().toBytes())))
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(module(dates));
    }

    static SimpleModule module(NetworkDates dates) {
        SimpleModule module = new SimpleModule("family-station-strict-input");
        module.addDeserializer(String.class, new TextDeserializer());
        module.addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT,
                dates::allows, dates.earliestInstant().toString(), dates.endInstant().toString()));
        module.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                dates::allows, dates.getEarliestDate().toString(), dates.getLatestDate().toString()));
        return module;
    }

    /** A string only from a JSON string, and only text. */
    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            int at = Text.firstForbidden(text);
            if (at >= 0) {
                throw new RefusedValueException(parser, String.class, "TEXT_INVALID_CHARACTERS",
                        "文字中含有不允许的控制字符或无效字符（第 " + (at + 1) + " 个字符 U+"
                                + String.format("%04X", (int) text.charAt(at)) + "）",
                        "the text holds a control character or an invalid character (character " + (at + 1)
                                + ", U+" + String.format("%04X", (int) text.charAt(at)) + ")");
            }
            return text;
        }
    }

    /** A date or instant only from a JSON string, parsed as before, and only within the network's years. */
    static final class Bounded<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> parse;
        private final Predicate<T> allowed;
        private final String earliest;
        private final String latest;

        Bounded(Class<T> type, JsonDeserializer<T> parse, Predicate<T> allowed, String earliest, String latest) {
            super(type);
            this.parse = parse;
            this.allowed = allowed;
            this.earliest = earliest;
            this.latest = latest;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T refused = (T) context.handleUnexpectedToken(handledType(), parser);
                return refused;
            }
            T value = parse.deserialize(parser, context);
            if (value != null && !allowed.test(value)) {
                throw new RefusedValueException(parser, handledType(), "DATE_OUT_OF_RANGE",
                        "日期超出允许范围（" + earliest + " 至 " + latest + "）",
                        "the date is outside the range allowed (" + earliest + " to " + latest + ")");
            }
            return value;
        }
    }
}
