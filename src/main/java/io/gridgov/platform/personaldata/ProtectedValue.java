package io.gridgov.platform.personaldata;

/**
 * A personal data value as it is stored: the AES-GCM ciphertext (prefixed with the id of the key
 * that sealed it) and an HMAC-SHA256 keyed hash of the plain value, for exact search without
 * decrypting.
 */
public record ProtectedValue(String ciphertext, String hash) {
}
