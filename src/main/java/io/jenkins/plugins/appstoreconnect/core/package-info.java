/**
 * The plugin's logic in plain Java: key parsing, token profiles and minting, the token cache,
 * log masking and key-file layout. Nothing here may import Jenkins, Stapler or credentials-plugin
 * types (enforced by {@code CoreIsPureJavaTest}); the Jenkins glue one package up delegates here.
 */
package io.jenkins.plugins.appstoreconnect.core;
