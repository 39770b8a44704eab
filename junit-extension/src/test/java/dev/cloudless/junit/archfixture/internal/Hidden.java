package dev.cloudless.junit.archfixture.internal;

/** An implementation type that public signatures must not mention. */
public class Hidden {}
