package org.familystation.command.funding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads an amount in fen as a JSON integer and nothing else. Jackson would otherwise turn {@code 12.5} into 12 and
 * {@code "12"} into 12 without a word; with money a client's mistake must be an error naming the field
 * ({@code INVALID_FIELD}), never an amount quietly different from the one sent.
 */
class WholeFen extends StdDeserializer<Long> {

    WholeFen() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken().isNumeric()) {
            BigDecimal value = parser.getDecimalValue();
            try {
                return value.longValueExact();
            } catch (ArithmeticException notWholeOrTooLarge) {
                throw InvalidFormatException.from(parser, "an amount in fen is a whole number", value, Long.class);
            }
        }
        throw InvalidFormatException.from(parser, "an amount in fen is a JSON number", parser.getText(), Long.class);
    }
}
