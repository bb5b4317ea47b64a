package org.undervolt.spark;

import java.util.Iterator;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.undervolt.experiment.TrialOutcome;
import org.undervolt.resilience.TrialEvaluator;

/**
 * Sweep outcomes as a Parquet data set, written and read by Spark: one row per trial with columns
 * {@code task, network, error_model, ber, trial, point, accuracy, seed, nonfinite} ({@code point} is the
 * results store's key of the trial's point, naming the seed when the sweep has several; {@code seed} is
 * the master seed the trial's errors were drawn under; {@code nonfinite} is the trial's non-finite count,
 * {@link TrialOutcome#nonfinite()}, null when not counted: a data set written before the column existed
 * reads back as not counted).
 */
public final class TrialParquet {
    public static final StructType SCHEMA = new StructType()
            .add("task", DataTypes.IntegerType, false)
            .add("network", DataTypes.StringType, false)
            .add("error_model", DataTypes.StringType, false)
            .add("ber", DataTypes.DoubleType, false)
            .add("trial", DataTypes.IntegerType, false)
            .add("point", DataTypes.StringType, false)
            .add("accuracy", DataTypes.DoubleType, false)
            .add("seed", DataTypes.LongType, false)
            .add("nonfinite", DataTypes.IntegerType, true);

    private TrialParquet() {
    }

    /**
     * Adds {@code outcomes} to the data set at {@code path} (a folder Spark can write: local, HDFS, S3...),
     * creating it if absent; each call commits its own files.
     */
    public static void write(SparkSession spark, JavaRDD<TrialOutcome> outcomes, String path) {
        JavaRDD<Row> rows = outcomes.map(o -> RowFactory.create(o.index(), o.network(), o.errorModel(), o.ber(),
                o.trial(), o.pointKey(), o.accuracy(), o.seed(), o.nonfiniteCounted() ? o.nonfinite() : null));
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Append).parquet(path);
    }

    /** Streams the outcomes stored at {@code path} to the driver, a partition at a time. */
    public static Iterator<TrialOutcome> read(SparkSession spark, String path) {
        Dataset<Row> df = spark.read().schema(SCHEMA).parquet(path);
        Iterator<Row> rows = df.toLocalIterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public TrialOutcome next() {
                Row r = rows.next();
                return new TrialOutcome(r.getInt(0), r.getString(1), r.getString(2), r.getDouble(3), r.getLong(7),
                        r.getInt(4), r.getDouble(6), r.getString(5),
                        r.isNullAt(8) ? TrialEvaluator.Outcome.NOT_COUNTED : r.getInt(8));
            }
        };
    }
}
