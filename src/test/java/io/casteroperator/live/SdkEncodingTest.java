package io.casteroperator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.config.DesiredConfig;
import io.casteroperator.config.SetCasterConfigParameters;
import io.casteroperator.config.SpecMapper;
import io.casteroperator.config.SpecValidator;
import io.casteroperator.testing.Examples;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's own SetCasterConfig encoding ({@link SetCasterConfigParameters}, what is hashed and
 * sent) against what the SDK's typed request would send for the same configuration: they must be
 * the same parameters, byte for byte, for every spec we know of. This is what kept every Caster's
 * status.appliedConfigHash when the hash moved off the SDK.
 */
class SdkEncodingTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TARGET = Set.of("Action", "Version", "Format", "CasterId", "RegionId");

  @Test
  void ourParametersAreWhatTheTypedSdkRequestSends() throws IOException {
    List<CasterSpec> specs = specs();
    assertTrue(specs.size() >= 40, "the comparison covers the examples and the valid schema cases: " + specs.size());
    for (CasterSpec spec : specs) {
      DesiredConfig config = SpecMapper.toDesired(spec);
      assertEquals(typedSdkRequest(config), SetCasterConfigParameters.of(config), () -> Serialization.asJson(spec));
      assertEquals(typedSdkRequest(config), sentBySeam(config), () -> Serialization.asJson(spec));
    }
  }

  @Test
  void theFullExampleSetsEveryParameterTheSdkKnows() {
    Map<String, String> sent = SetCasterConfigParameters.of(SpecMapper.toDesired(Examples.load("full.yaml").getSpec()));
    List<String> unset = new ArrayList<>();
    for (Field field : SetCasterConfigRequest.class.getDeclaredFields()) {
      String parameter = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
      if (!Modifier.isStatic(field.getModifiers()) && !Set.of("OwnerId", "CasterId").contains(parameter)
          && !sent.containsKey(parameter)) {
        unset.add(parameter);
      }
    }
    assertEquals(List.of(), unset, "SetCasterConfig parameters the full example leaves unset");
  }

  /** What the SDK's typed setters put on the wire, without the target. */
  private static Map<String, String> typedSdkRequest(DesiredConfig config) {
    Map<String, String> p = SetCasterConfigParameters.of(config);
    SetCasterConfigRequest request = new SetCasterConfigRequest();
    request.setCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e0001");
    request.setCasterName(config.casterName());
    request.setDomainName(config.domainName());
    request.setTranscodeConfig(p.get("TranscodeConfig"));
    request.setRecordConfig(p.get("RecordConfig"));
    request.setDelay(config.delay() == null ? null : config.delay().floatValue());
    request.setUrgentMaterialId(config.urgentMaterialId());
    request.setUrgentLiveStreamUrl(config.urgentLiveStreamUrl());
    request.setSideOutputUrl(config.sideOutputUrl());
    request.setSideOutputUrlList(p.get("SideOutputUrlList"));
    request.setCallbackUrl(config.callbackUrl());
    request.setProgramEffect(config.programEffect() == null ? null : config.programEffect() ? 1 : 0);
    request.setProgramName(config.programName());
    request.setChannelEnable(config.channelEnable() == null ? null : config.channelEnable() ? 1 : 0);
    request.setSyncGroupsConfig(p.get("SyncGroupsConfig"));
    request.setUrgentImageId(config.urgentImageId());
    request.setUrgentImageUrl(config.urgentImageUrl());
    request.setAutoSwitchUrgentOn(config.autoSwitchUrgentOn());
    request.setAutoSwitchUrgentConfig(p.get("AutoSwitchUrgentConfig"));
    Map<String, String> sent = new TreeMap<>(request.getSysQueryParameters());
    sent.keySet().removeAll(TARGET);
    return sent;
  }

  /** What SdkLiveClient's request for the configuration carries, without the target. */
  private static Map<String, String> sentBySeam(DesiredConfig config) {
    SetCasterConfigRequest request = new SetCasterConfigRequest();
    SetCasterConfigParameters.of(config).forEach(request::putQueryParameter);
    Map<String, String> sent = new TreeMap<>(request.getSysQueryParameters());
    sent.keySet().removeAll(TARGET);
    return sent;
  }

  /** Every example, and every schema case the operator's validator accepts. */
  private static List<CasterSpec> specs() throws IOException {
    List<CasterSpec> specs = new ArrayList<>();
    Examples.names().forEach(name -> specs.add(Examples.load(name).getSpec()));
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/schema-cases"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode entry : YAML.readTree(Files.readString(file))) {
          JsonNode spec = entry.has("spec") ? entry.get("spec") : entry.path("new");
          CasterSpec parsed = spec.isObject() ? readable(spec) : null;
          if (parsed != null && SpecValidator.validate(parsed).isEmpty()) {
            specs.add(parsed);
          }
        }
      }
    }
    return specs;
  }

  /** The spec, or null for a case whose spec does not even bind (a wrong type, say). */
  private static CasterSpec readable(JsonNode spec) {
    try {
      return Serialization.jsonMapper().convertValue(spec, CasterSpec.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
