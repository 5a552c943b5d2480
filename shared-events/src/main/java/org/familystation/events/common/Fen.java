package org.familystation.events.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money is counted in integer fen (分, a hundredth of a yuan) everywhere: in events, read models and JSON. This
 * only turns an amount into what people read, such as {@code ¥1,234.56}.
 */
public final class Fen {

    private Fen() {
    }

    /** The amount in yuan with two decimals and thousands separators: 123456 → {@code ¥1,234.56}. */
    public static String yuan(long fen) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String digits = format.format(BigDecimal.valueOf(fen).movePointLeft(2).abs());
        return (fen < 0 ? "-¥" : "¥") + digits;
    }
}
