/** {@link org.undervolt.nn.model.Sequential}: a network as an ordered list of layers, with its forward and backward passes. */
package org.undervolt.nn.model;
