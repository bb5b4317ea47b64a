/**
 * Named networks with their training recipes ({@link org.undervolt.nn.zoo.ZooModel}): MLPs, LeNet-5,
 * a small VGG and ResNet; the names the CLI's {@code --network} accepts.
 */
package org.undervolt.nn.zoo;
