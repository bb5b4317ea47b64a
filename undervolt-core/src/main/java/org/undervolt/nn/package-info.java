/**
 * The DNN engine: tensors, kernels, layers, training, model zoo, checkpoints.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * Sequential model = Mlp.mnist(seed);                             // 784-256-128-10, ReLU
 * TrainConfig cfg = TrainConfig.defaults(4, seed);                  // batch 64, lr 0.05, momentum 0.9
 * new Trainer(cfg, new Sgd(cfg.momentum(), cfg.weightDecay()), LrSchedule.cosine())
 *         .train(model, train, (epoch, loss, seconds) -> ...);
 * float acc = Evaluator.accuracy(model, test);                      // batched, multi-threaded
 * Checkpoint.save(model, Map.of("model", "mlp"), path);             // versioned binary format
 * Sequential faulty = model.copy();                                 // then overwrite
 * faulty.parameter("dense1.weight").data()[i] = decodedFaultyValue; //   live arrays
 * Evaluator.accuracy(faulty, test, hooks);                          // LayerHooks: weights, IFMs, OFMs
 * Int8Network q = Int8Network.quantize(model, calibrationImages);    // integer datapath
 * q.accuracy(test, int8Hooks);                                      // int8 weight/IFM bytes as stored
 * }</pre>
 *
 * <p>Resumable training: {@code trainer.train(model, data, hooks, listener, new Trainer.Resume(file, tag))}
 * rewrites a {@link org.undervolt.nn.io.TrainingState} file after each epoch and continues from it.
 *
 * <p>Packages: {@code tensor} (the Tensor type), {@code kernel} (GEMM: scalar reference, Vector API
 * twin, the implicit column matrix of stride-1 convolutions, multi-threaded split with a fixed
 * summation order, per-thread scratch buffers), {@code layer} (layers, parameters,
 * hooks), {@code model} (Sequential), {@code train} (losses, optimizers, schedules, trainer,
 * evaluator, throughput), {@code zoo} (model factories and CLI recipes), {@code io} (checkpoints,
 * training state), {@code quant} (INT8 integer datapath).
 *
 * <p>Determinism: every output of a product is summed in a fixed order inside one task, and all
 * randomness derives from {@link org.undervolt.random.Seeds}, so results are bit-identical for
 * any thread count.
 */
package org.undervolt.nn;
