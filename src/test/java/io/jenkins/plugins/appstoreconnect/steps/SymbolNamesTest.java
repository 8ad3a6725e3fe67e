package io.jenkins.plugins.appstoreconnect.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jenkins.plugins.appstoreconnect.credentials.AppStoreConnectApiKeyImpl;
import io.jenkins.plugins.appstoreconnect.credentials.AppleDeveloperKeyImpl;
import io.jenkins.plugins.appstoreconnect.credentials.CloudKitApiTokenImpl;
import io.jenkins.plugins.appstoreconnect.credentials.MapsTokenImpl;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/**
 * The names users type: a binding is called like the credential it binds (as credentials-binding's own
 * {@code usernamePassword} is), and a name from an earlier version stays a second symbol, so Jenkinsfiles keep working.
 */
class SymbolNamesTest {

    @Test
    void eachBindingIsCalledLikeItsCredentialAndKeepsItsEarlierName() {
        Map<Class<?>, List<String>> expected = Map.of(
                AppStoreConnectApiKeyBinding.DescriptorImpl.class, List.of(symbol(AppStoreConnectApiKeyImpl.DescriptorImpl.class)),
                AppleTokenBinding.DescriptorImpl.class, List.of(symbol(AppleDeveloperKeyImpl.DescriptorImpl.class), "appleToken"),
                MapsTokenBinding.DescriptorImpl.class, List.of(symbol(MapsTokenImpl.DescriptorImpl.class), "mapsToken"),
                CloudKitApiTokenBinding.DescriptorImpl.class, List.of(symbol(CloudKitApiTokenImpl.DescriptorImpl.class)));
        expected.forEach((binding, names) -> assertEquals(names, List.of(binding.getAnnotation(Symbol.class).value()),
                binding.getName()));
    }

    private static String symbol(Class<?> descriptor) {
        Symbol s = descriptor.getAnnotation(Symbol.class);
        assertNotNull(s, descriptor.getName());
        return s.value()[0];
    }
}
