package io.casteroperator.live;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.profile.IClientProfile;

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

  /** The status of the answer to this thread's call, or {@code null} when none arrived; then forgets it. */
  static Integer takeLastStatus() {
    Integer status = LAST_STATUS.get();
    LAST_STATUS.remove();
    return status;
  }
}
