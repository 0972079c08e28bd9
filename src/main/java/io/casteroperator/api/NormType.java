package io.casteroperator.api;

/** The kind of production studio, as {@code CreateCaster}'s {@code NormType} takes it. */
public enum NormType {
  /** A general production studio ({@code NormType=1}). */
  General(1),
  /** A carousel studio ({@code NormType=3}). */
  Carousel(3),
  /** A virtual studio ({@code NormType=4}). */
  VirtualStudio(4),
  /** A playlist studio ({@code NormType=6}). */
  Playlist(6);

  private final int apiValue;

  NormType(int apiValue) {
    this.apiValue = apiValue;
  }

  /** The number the API takes. */
  public int apiValue() {
    return apiValue;
  }
}
