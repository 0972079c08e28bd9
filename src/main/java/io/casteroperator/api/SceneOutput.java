package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** What one scene of the caster outputs: where players and downstream apps find its stream. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"scene", "sceneId", "playbackUrl", "rtmpUrl", "streams"})
public class SceneOutput {

  /** program (what goes on air) or preview. */
  @Size(max = 16)
  private String scene;

  /** The scene's id in the cloud. */
  @Size(max = 128)
  private String sceneId;

  /** The scene's playback URL (FLV), auth_key masked. */
  @Size(max = 2048)
  private String playbackUrl;

  /** The scene's RTMP URL, auth_key masked. */
  @Size(max = 2048)
  private String rtmpUrl;

  /** Its transcoded outputs. */
  @Size(max = 32)
  private List<StreamOutput> streams;

  public String getScene() {
    return scene;
  }

  public void setScene(String scene) {
    this.scene = scene;
  }

  public String getSceneId() {
    return sceneId;
  }

  public void setSceneId(String sceneId) {
    this.sceneId = sceneId;
  }

  public String getPlaybackUrl() {
    return playbackUrl;
  }

  public void setPlaybackUrl(String playbackUrl) {
    this.playbackUrl = playbackUrl;
  }

  public String getRtmpUrl() {
    return rtmpUrl;
  }

  public void setRtmpUrl(String rtmpUrl) {
    this.rtmpUrl = rtmpUrl;
  }

  public List<StreamOutput> getStreams() {
    return streams;
  }

  public void setStreams(List<StreamOutput> streams) {
    this.streams = streams;
  }
}
