/**
 * gaan's stages as an Apache Spark job, for collections that outgrow one machine: features
 * ({@link gaan.spark.FeatureJob}, gaan's own extractor in {@code mapPartitions}), representation
 * ({@link gaan.spark.EncodeJob}, a VAE trained on the driver with {@link gaan.model}, broadcast
 * and applied on the executors) and clustering ({@link gaan.spark.ClusterJob}, Spark MLlib with
 * gaan's metrics on the distributed contingency table). Every stage reads and writes Parquet
 * through Spark's Hadoop file system API, so paths may be local, HDFS or S3.
 *
 * <p>This package owns the Spark dependency; the column names of its tables are written once in
 * {@link gaan.spark.Tables}. Spark itself is {@code provided}: the cluster brings it.
 */
package gaan.spark;
