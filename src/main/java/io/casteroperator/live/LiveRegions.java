package io.casteroperator.live;

import java.util.Set;
import java.util.TreeSet;

/**
 * The regions the Live API can be called in, as the official SDK knows them: the Live product's
 * own endpoint table plus its regional default. With an endpoint override (the emulator) the SDK
 * never resolves the region, so the operator checks it before calling: a typo in spec.regionId is
 * an invalid spec, not a request.
 */
public final class LiveRegions {

  private static final Set<String> KNOWN = known();

  private LiveRegions() {}

  public static boolean isKnown(String regionId) {
    return KNOWN.contains(regionId);
  }

  public static Set<String> known() {
    Set<String> regions = new TreeSet<>(com.aliyuncs.live.Endpoint.endpointMap.keySet());
    regions.addAll(Set.of("cn-beijing", "cn-hangzhou", "cn-shanghai", "cn-shenzhen", "ap-southeast-1",
        "ap-northeast-1", "eu-central-1"));
    return regions;
  }
}
