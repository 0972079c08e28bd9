package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPC endpoint. A call goes through the gateway (authentication), flow control and faults, then
 * the action. The action takes effect before any injected latency, so a client that gives up
 * waiting cannot know whether its call was applied: exactly the uncertainty of the real network.
 */
final class RpcHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RpcHandler.class);
  static final String HOST_ID = "live.aliyuncs.com";

  private final Authenticator authenticator;
  private final Quotas quotas;
  private final FaultInjector faults;
  private final CasterActions actions;
  private final CallLog callLog;
  private final Clock clock;
  private final ScheduledExecutorService answerDelayer;
  private final Consumer<CallRecord> listener;

  RpcHandler(
      Authenticator authenticator,
      Quotas quotas,
      FaultInjector faults,
      CasterActions actions,
      CallLog callLog,
      Clock clock,
      ScheduledExecutorService answerDelayer,
      Consumer<CallRecord> listener) {
    this.authenticator = authenticator;
    this.quotas = quotas;
    this.faults = faults;
    this.actions = actions;
    this.callLog = callLog;
    this.clock = clock;
    this.answerDelayer = answerDelayer;
    this.listener = listener;
  }

  /** What became of one call, filled in as it goes through the pipeline. */
  private static final class Call {
    final long arrivalNanos = System.nanoTime();
    final String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    long arrivalMillis;
    Map<String, String> params = Map.of();
    String account;
    String accessKeyId;
    String casterId;
    String region;
    String code = CallRecord.OK;
    String outcome = CallRecord.APPLIED;
    int status = 200;
    String body;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Call call = new Call();
    call.arrivalMillis = clock.millis();
    boolean dropAfter = false;
    try {
      String form = HttpExchanges.hasFormBody(exchange) ? HttpExchanges.body(exchange) : null;
      if (HttpExchanges.hasFormBody(exchange) && form == null) {
        throw ApiError.INVALID_PARAMETER_MALFORMED.exception("The request body is too large.");
      }
      call.params = RequestParameters.decode(exchange.getRequestURI().getRawQuery(), form);
      call.accessKeyId = call.params.get("AccessKeyId");
      call.casterId = call.params.get("CasterId");
      call.region = actions.regionOf(call.params);
      call.account = authenticator.key(call.accessKeyId).map(AccessKey::account).orElse(null);
      AccessKey key = authenticator.authenticate(exchange.getRequestMethod(), call.params);
      String actionName = call.params.get("Action");
      LiveAction action =
          LiveAction.byName(actionName)
              .orElseThrow(() -> ApiError.INVALID_API_NOT_FOUND.exception(
                  "Specified api " + actionName + " is not found, please check your url and method."));
      quotas.recordAttempt(key.account(), action);
      if (faults.dropBefore()) {
        call.code = CallRecord.DROPPED_BEFORE;
        call.outcome = CallRecord.DROPPED_BEFORE;
        finish(call);
        HttpExchanges.drop(exchange);
        return;
      }
      if (faults.throttle()) {
        call.outcome = CallRecord.INJECTED_THROTTLE;
        throw ApiError.THROTTLING_USER.exception();
      }
      if (!quotas.tryAcquire(key.account(), action)) {
        throw ApiError.THROTTLING_USER.exception();
      }
      Optional<ApiError> injected = faults.error(action.actionName());
      if (injected.isPresent()) {
        call.outcome = CallRecord.INJECTED_ERROR;
        throw injected.get().exception();
      }
      ObjectNode result = actions.handle(action, key.account(), call.params);
      if (result.hasNonNull("CasterId")) {
        call.casterId = result.get("CasterId").asText();
      }
      ObjectNode response = Json.object().put("RequestId", call.requestId);
      response.setAll(result);
      call.body = Json.write(response);
      dropAfter = faults.dropAfter();
      if (dropAfter) {
        call.code = CallRecord.DROPPED_AFTER;
        call.outcome = CallRecord.DROPPED_AFTER;
      }
    } catch (ApiException e) {
      refuse(call, e);
    } catch (RuntimeException e) {
      LOG.error("Emulator bug while serving {}", call.params.get("Action"), e);
      refuse(call, ApiError.INTERNAL_ERROR.exception());
    }
    long latency = faults.latencyMillis();
    finish(call, latency);
    boolean drop = dropAfter;
    Runnable answer =
        () -> {
          if (drop) {
            HttpExchanges.drop(exchange);
          } else {
            HttpExchanges.sendJson(exchange, call.status, call.body, call.requestId);
          }
        };
    if (latency == 0) {
      answer.run();
    } else {
      try {
        answerDelayer.schedule(answer, latency, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        HttpExchanges.drop(exchange); // shutting down
      }
    }
  }

  private static void refuse(Call call, ApiException e) {
    if (CallRecord.APPLIED.equals(call.outcome)) {
      call.outcome = CallRecord.REJECTED;
    }
    call.code = e.error().code();
    call.status = e.error().httpStatus();
    ObjectNode error = Json.object();
    error.put("RequestId", call.requestId);
    error.put("HostId", HOST_ID);
    error.put("Code", e.error().code());
    error.put("Message", e.getMessage());
    error.put(
        "Recommend",
        "https://api.aliyun.com/troubleshoot?q=" + e.error().code() + "&product=live&requestId=" + call.requestId);
    call.body = Json.write(error);
  }

  private void finish(Call call) {
    finish(call, 0);
  }

  private void finish(Call call, long injectedLatencyMs) {
    long latency = (System.nanoTime() - call.arrivalNanos) / 1_000_000 + injectedLatencyMs;
    CallRecord record =
        new CallRecord(
            call.arrivalMillis, call.requestId, call.account, call.accessKeyId, call.params.get("Action"),
            call.casterId, call.region, RequestParameters.apiOnly(call.params), call.code, call.outcome, latency);
    callLog.record(record);
    try {
      listener.accept(record);
    } catch (RuntimeException e) {
      LOG.warn("Call listener failed", e);
    }
  }
}
