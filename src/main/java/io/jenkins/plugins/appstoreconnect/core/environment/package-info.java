/**
 * What {@code withAppStoreConnectToken} decides, in plain Java: the environment variable names
 * ({@link io.jenkins.plugins.appstoreconnect.core.environment.EnvironmentNames}), the key files it writes and how
 * ({@link io.jenkins.plugins.appstoreconnect.core.environment.KeyFileLayout}), and the environment of each nested
 * step ({@link io.jenkins.plugins.appstoreconnect.core.environment.BuildEnvironment},
 * {@link io.jenkins.plugins.appstoreconnect.core.token.TokenSource}), and the token request from the user's
 * options ({@link io.jenkins.plugins.appstoreconnect.core.environment.TokenOptions}). The Jenkins glue
 * ({@code io.jenkins.plugins.appstoreconnect.steps}) only looks up the credential, runs
 * {@link io.jenkins.plugins.appstoreconnect.core.environment.KeyFileLayout#writeFiles} on the agent and hands the map
 * to the step context. See {@code docs/pipeline.md}.
 */
package io.jenkins.plugins.appstoreconnect.core.environment;
