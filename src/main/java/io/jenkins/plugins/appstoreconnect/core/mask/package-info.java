/**
 * Console log masking in plain Java: {@link io.jenkins.plugins.appstoreconnect.core.mask.SecretForms} lists
 * the forms of a key or token that tools print, {@link io.jenkins.plugins.appstoreconnect.core.mask.SecretMasker}
 * holds the secrets (thread-safe, copy-on-write Aho–Corasick automaton over bytes) and
 * {@link io.jenkins.plugins.appstoreconnect.core.mask.MaskingOutputStream} replaces them with {@code ****} in a
 * byte stream, across {@code write} boundaries. Where the key must not travel (a build's console filter),
 * {@link io.jenkins.plugins.appstoreconnect.core.mask.KeySegments} holds salted hashes of the key's printed forms
 * instead and {@link io.jenkins.plugins.appstoreconnect.core.mask.SegmentMaskingOutputStream} masks the base64 runs
 * that match them. See {@code docs/masking.md}.
 */
package io.jenkins.plugins.appstoreconnect.core.mask;
