package io.casteroperator.live;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.Signer;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigRequest;
import com.aliyuncs.live.model.v20161101.DescribeCasterConfigResponse;
import com.aliyuncs.profile.IClientProfile;
import com.aliyuncs.regions.ProductDomain;
import java.nio.charset.StandardCharsets;

/**
 * The SDK's client, keeping the HTTP status of the last answer on the calling thread: the SDK's
 * exceptions carry the error code and RequestId but drop the status, which the operator reports.
 */
final class StatusKeepingAcsClient extends DefaultAcsClient {

  private static final ThreadLocal<Integer> LAST_STATUS = new ThreadLocal<>();

  StatusKeepingAcsClient(IClientProfile profile, AlibabaCloudCredentialsProvider credentials) {
    super(profile, credentials);
  }

  @Override
  public <T extends AcsResponse> HttpResponse doAction(AcsRequest<T> request) throws ClientException, ServerException {
    HttpResponse response = super.doAction(request);
    LAST_STATUS.set(response.getStatus());
    return response;
  }

  /**
   * Loads what the first call would (the HTTP client, the SSL context, the endpoint tables, the
   * signer, the JSON reader) by signing a request and reading a canned answer. Sends nothing.
   */
  static void warmUp() {
    try {
      AlibabaCloudCredentials credentials = new BasicCredentials("warm-up", "warm-up");
      StatusKeepingAcsClient client = new StatusKeepingAcsClient(
          com.aliyuncs.profile.DefaultProfile.getProfile("cn-shanghai"), new StaticCredentialsProvider(credentials));
      DescribeCasterConfigRequest request = new DescribeCasterConfigRequest();
      request.setCasterId("a2b8e671-2fe5-4642-a2ec-bf93880e0000");
      request.signRequest(Signer.getSigner(credentials), credentials, FormatType.JSON, new ProductDomain("live", "localhost"));
      HttpResponse canned = new HttpResponse();
      canned.setStatus(200);
      canned.setHttpContent("{\"RequestId\":\"warm-up\",\"CasterId\":\"x\",\"TranscodeConfig\":{\"CasterTemplate\":\"lp_ld\"}}"
          .getBytes(StandardCharsets.UTF_8), "UTF-8", FormatType.JSON);
      client.readResponse(DescribeCasterConfigResponse.class, canned, FormatType.JSON);
    } catch (Exception e) {
      // Only a warm-up: the first real call will report whatever is wrong.
    }
  }

  /** The status of the answer to this thread's call, or {@code null} when none arrived; then forgets it. */
  static Integer takeLastStatus() {
    Integer status = LAST_STATUS.get();
    LAST_STATUS.remove();
    return status;
  }
}
