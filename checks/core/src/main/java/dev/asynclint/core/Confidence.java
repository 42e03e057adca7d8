package dev.asynclint.core;

/** How sure we are that code runs on an event loop. Only DEFINITE contexts give ERROR findings. */
public enum Confidence {
  LIKELY,
  DEFINITE
}
