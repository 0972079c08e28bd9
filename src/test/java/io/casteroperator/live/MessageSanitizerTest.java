package io.casteroperator.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MessageSanitizerTest {

  @Test
  void signedUrlsAndStringsToSignNeverReachStatusOrLogs() {
    String timeout = "SocketTimeoutException has occurred on a socket read or accept.The url is "
        + "http://live.aliyuncs.com/?AccessKeyId=STS.x&SecurityToken=CAIS-secret-token&Signature=abc";
    assertEquals("SocketTimeoutException has occurred on a socket read or accept.The url is http://live.aliyuncs.com/?<omitted>",
        MessageSanitizer.clean(timeout));

    String signature = "Specified signature is not matched with our calculation. server string to sign is:"
        + "POST&%2F&AccessKeyId%3DSTS.x%26SecurityToken%3DCAIS-secret-token";
    String clean = MessageSanitizer.clean(signature);
    assertFalse(clean.contains("CAIS-secret-token"), clean);
    assertEquals("Specified signature is not matched with our calculation. server string to sign is: <omitted>", clean);
  }
}
