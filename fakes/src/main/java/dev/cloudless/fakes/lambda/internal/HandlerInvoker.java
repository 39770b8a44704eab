package dev.cloudless.fakes.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;

/** One execution environment's handler, seen as bytes in and bytes out, as the runtime sees it. */
interface HandlerInvoker {

  /** Runs the handler on the event; returns the response bytes. */
  byte[] invoke(byte[] event, Context context) throws Throwable;

  /** The handler class's name, as the {@code Handler} setting shows it. */
  String handlerName();
}
