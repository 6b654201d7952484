package org.primum;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.primum.facts.Thresholds;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Every threshold can be overridden by configuration, under its own name, and only overridden: no value lives here. */
class PrimumConfigThresholdsTest {

    private static final List<Method> SETTINGS = Arrays.stream(PrimumConfig.ClinicalThresholds.class.getDeclaredMethods())
            .filter(m -> Modifier.isAbstract(m.getModifiers())).toList();

    @Test
    void thereIsAnOptionalSettingPerThreshold() {
        assertThat(SETTINGS.stream().map(Method::getName)).containsExactlyInAnyOrderElementsOf(Thresholds.names());
        assertThat(SETTINGS).allSatisfy(m -> assertThat(m.getReturnType()).isEqualTo(OptionalInt.class));
        assertThat(SETTINGS).allSatisfy(m -> assertThat(m.getAnnotations()).as(m.getName() + " has no default value").isEmpty());
    }

    @Test
    void theOverridesAreTheSettingsThatAreSetUnderTheirThresholdName() {
        Map<String, Integer> set = new LinkedHashMap<>();
        for (int i = 0; i < Thresholds.names().size(); i++) set.put(Thresholds.names().get(i), 100 + i);
        assertThat(config(set).overrides()).isEqualTo(set);
        assertThat(config(Map.of("poorEcogMin", 2)).overrides()).isEqualTo(Map.of("poorEcogMin", 2));
        assertThat(config(Map.of()).overrides()).isEmpty();
    }

    /** What the README and the Dockerfile promise: an environment variable overrides one threshold, the rest stay unset. */
    @Test
    void anEnvironmentVariableOverridesAThresholdByItsName() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of("PRIMUM_THRESHOLDS_DE_NOVO_WINDOW_DAYS", "120"), 300))
                .withMapping(PrimumConfig.class)
                .build();
        assertThat(config.getConfigMapping(PrimumConfig.class).thresholds().overrides()).isEqualTo(Map.of("deNovoWindowDays", 120));
    }

    /** The settings as the configuration would give them: those in {@code set} present, the others absent. */
    private static PrimumConfig.ClinicalThresholds config(Map<String, Integer> set) {
        InvocationHandler handler = (proxy, method, args) -> method.isDefault()
                ? InvocationHandler.invokeDefault(proxy, method, args)
                : set.containsKey(method.getName()) ? OptionalInt.of(set.get(method.getName())) : OptionalInt.empty();
        return (PrimumConfig.ClinicalThresholds) Proxy.newProxyInstance(PrimumConfigThresholdsTest.class.getClassLoader(),
                new Class<?>[]{PrimumConfig.ClinicalThresholds.class}, handler);
    }
}
