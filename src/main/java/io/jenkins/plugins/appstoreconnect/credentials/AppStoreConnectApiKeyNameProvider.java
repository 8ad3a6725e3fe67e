package io.jenkins.plugins.appstoreconnect.credentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;

/** How an App Store Connect API key is named in credential lists: its description, else key ID and kind. */
public class AppStoreConnectApiKeyNameProvider extends CredentialsNameProvider<AppStoreConnectApiKey> {
    @Override
    public String getName(AppStoreConnectApiKey key) {
        String description = key.getDescription();
        if (description != null && !description.isBlank()) {
            return description;
        }
        return key.isIndividual()
                ? Messages.AppStoreConnectApiKey_Name_Individual(key.getKeyId())
                : Messages.AppStoreConnectApiKey_Name_Team(key.getKeyId());
    }
}
