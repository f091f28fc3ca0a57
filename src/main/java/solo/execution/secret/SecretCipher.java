package solo.execution.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce for every value. The secret's name is the associated
 * data, so a sealed value copied under another name does not open.
 */
final class SecretCipher {
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretCipher() {}

    static SecretKey key(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new SecretException("the secret key must be " + KEY_BYTES + " bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    static byte[] newKeyBytes() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String seal(SecretKey key, String name, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new SecretException("secret " + name + ": cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** The value, or a {@link SecretException} when the stored text was altered. */
    static String open(SecretKey key, String name, String sealedText) {
        try {
            byte[] all = Base64.getDecoder().decode(sealedText);
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new SecretException("secret " + name + ": stored value is damaged (too short)");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretException("secret " + name + ": refused: its stored value was altered or sealed under"
                    + " another name (AES-GCM authentication failed)");
        } catch (IllegalArgumentException e) {
            throw new SecretException("secret " + name + ": stored value is damaged (not base64)");
        } catch (GeneralSecurityException e) {
            throw new SecretException("secret " + name + ": cannot decrypt: " + e.getMessage(), e);
        }
    }

    /** A value that identifies the key without revealing it, to tell a wrong key from a tampered value. */
    static String check(SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] out = mac.doFinal("solo secret key check".getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(out, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new SecretException("cannot check the secret key: " + e.getMessage(), e);
        }
    }
}
