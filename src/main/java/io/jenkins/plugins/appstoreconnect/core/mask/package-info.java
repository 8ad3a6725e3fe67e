/**
 * Console log masking in plain Java: {@link io.jenkins.plugins.appstoreconnect.core.mask.SecretForms} lists
 * the forms of a key or token that tools print, {@link io.jenkins.plugins.appstoreconnect.core.mask.SecretMasker}
 * holds the secrets (thread-safe, copy-on-write Aho–Corasick automaton over bytes) and
 * {@link io.jenkins.plugins.appstoreconnect.core.mask.MaskingOutputStream} replaces them with {@code ****} in a
 * byte stream, across {@code write} boundaries. See {@code docs/masking.md}.
 */
package io.jenkins.plugins.appstoreconnect.core.mask;
