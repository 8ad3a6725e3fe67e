/**
 * Apple Maps tokens: tokens created in the developer portal ({@link io.jenkins.plugins.appstoreconnect.core.maps.PortalMapsToken},
 * with type, domain restriction, validation duration and expiry), days left and the expiring-soon window
 * ({@link io.jenkins.plugins.appstoreconnect.core.maps.MapsExpiry}), and the Maps Server API exchange of a Maps
 * token for a short access token ({@link io.jenkins.plugins.appstoreconnect.core.maps.MapsAccessTokenExchange}).
 * Self-minted Maps tokens are the {@code maps} profile of {@code core.token}.
 */
package io.jenkins.plugins.appstoreconnect.core.maps;
