package io.casteroperator.live;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.DefaultCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.profile.DefaultProfile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes SDK clients, one per set of credentials (a rotated Secret gets a new one). The region goes
 * on each request, so one client serves every region.
 */
public final class SdkLiveClientFactory implements LiveClientFactory {

  private static final int MAX_CLIENTS = 256;

  private final LiveSettings settings;
  private final Map<LiveCredentials, StatusKeepingAcsClient> clients =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LiveCredentials, StatusKeepingAcsClient> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  public SdkLiveClientFactory(LiveSettings settings) {
    this.settings = settings;
  }

  @Override
  public void warmUp() {
    StatusKeepingAcsClient.warmUp();
  }

  @Override
  public LiveClient client(LiveCredentials credentials, String regionId) {
    StatusKeepingAcsClient acs;
    synchronized (clients) {
      acs = clients.computeIfAbsent(credentials, c -> new StatusKeepingAcsClient(
          DefaultProfile.getProfile(regionId == null ? "cn-shanghai" : regionId), provider(c)));
    }
    return new SdkLiveClient(acs, regionId, settings);
  }

  private static AlibabaCloudCredentialsProvider provider(LiveCredentials credentials) {
    if (credentials instanceof LiveCredentials.AccessKey key) {
      return new StaticCredentialsProvider(key.securityToken() == null
          ? new BasicCredentials(key.accessKeyId(), key.accessKeySecret())
          : new BasicSessionCredentials(key.accessKeyId(), key.accessKeySecret(), key.securityToken()));
    }
    try {
      return new DefaultCredentialsProvider();
    } catch (ClientException e) {
      throw new IllegalStateException("cannot set up the default credentials chain: " + e.getErrMsg(), e);
    }
  }
}
