package solo.support;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Identifiers like {@code lead_01jd8x3k9q2m7w4z}: a prefix, then 48 bits of milliseconds and 32 random
 * bits in Crockford base32, so that ids sort by creation time and stay short enough to type.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix, Clock clock) {
        BigInteger bits = BigInteger.valueOf(clock.millis() & 0xFFFF_FFFF_FFFFL).shiftLeft(32)
                .or(BigInteger.valueOf(RANDOM.nextInt() & 0xFFFF_FFFFL));
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = ALPHABET[bits.intValue() & 31];
            bits = bits.shiftRight(5);
        }
        return prefix + "_" + new String(out);
    }

    public static String next(String prefix) {
        return next(prefix, Clock.systemUTC());
    }
}
