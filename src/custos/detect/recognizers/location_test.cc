// Coordinates and licence plates through the public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::ConfidenceOf;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(GeoTest, Pairs) {
  EXPECT_THAT(Values("坐标：39.9042, 116.4074", "geo_coordinates"), ElementsAre("39.9042, 116.4074"));
  EXPECT_THAT(Values("location 39.904211 116.407395", "geo_coordinates"), ElementsAre("39.904211 116.407395"));
  EXPECT_THAT(Values("at 116.4074,39.9042 now", "geo_coordinates"), ElementsAre("116.4074,39.9042"));
  EXPECT_THAT(Values("gps=-33.8688,151.2093", "geo_coordinates"), ElementsAre("-33.8688,151.2093"));
  EXPECT_THAT(Values("经纬度 22.5431，114.0579", "geo_coordinates"), ElementsAre("22.5431，114.0579"));
  EXPECT_GT(ConfidenceOf("坐标 39.9042,116.4074", "geo_coordinates"), ConfidenceOf("39.9042,116.4074", "geo_coordinates"));
}

TEST(GeoTest, SingleDecimalNeedsLatLngWord) {
  EXPECT_THAT(Values("{\"lat\": 39.904211, \"lng\": 116.407395}", "geo_coordinates"),
              ElementsAre("39.904211", "116.407395"));
  EXPECT_THAT(Values("纬度：31.2304", "geo_coordinates"), ElementsAre("31.2304"));
  EXPECT_THAT(Values("31.2304", "geo_coordinates", "latitude"), ElementsAre("31.2304"));
  EXPECT_THAT(Values("value 39.904211", "geo_coordinates"), IsEmpty());
  EXPECT_THAT(Values("lat: 139.9042", "geo_coordinates"), IsEmpty());  // out of range for a latitude
}

TEST(GeoTest, Rejects) {
  EXPECT_THAT(Values("39.90, 116.40", "geo_coordinates"), IsEmpty());             // too coarse
  EXPECT_THAT(Values("95.1234, 195.1234", "geo_coordinates"), IsEmpty());         // out of range
  EXPECT_THAT(Values("cpu 0.1234 0.5678", "geo_coordinates"), IsEmpty());         // bare metrics
  EXPECT_THAT(Values("ratio 0.1234,0.5678", "geo_coordinates"), IsEmpty());
  EXPECT_THAT(Values("1.2345.6789, 2.3456", "geo_coordinates"), IsEmpty());       // version-like
  EXPECT_THAT(Values("price 12.3456, 45.6789", "geo_coordinates"), IsEmpty());    // negative context
  EXPECT_THAT(Values("ts 1700000000.1234,1.2345", "geo_coordinates"), IsEmpty());
  EXPECT_THAT(Values("lat v_39.9042", "geo_coordinates"), IsEmpty());             // part of a name
  EXPECT_THAT(Values("x.39.9042, 116.4074", "geo_coordinates"), IsEmpty());       // after a dot
  EXPECT_THAT(Values("lat=05.1234", "geo_coordinates"), IsEmpty());               // leading zero
}

TEST(GeoTest, SignsAndNeighbours) {
  EXPECT_THAT(Values("lng: -116.4074", "geo_coordinates"), ElementsAre("-116.4074"));
  EXPECT_THAT(Values("-39.9042, -116.4074 here", "geo_coordinates"), ElementsAre("-39.9042, -116.4074"));
  EXPECT_THAT(Values("12:00:37.1914, 116.4074", "geo_coordinates"), ElementsAre("37.1914, 116.4074"));
  // Without a geo word only a pair counts: the separator after the first decimal.
  EXPECT_THAT(Values("at 22.5431，114.0579 now", "geo_coordinates"), ElementsAre("22.5431，114.0579"));
  EXPECT_THAT(Values("at 22.5431;114.0579 now", "geo_coordinates"), ElementsAre("22.5431;114.0579"));
  EXPECT_THAT(Values("rt=0.1887 done", "geo_coordinates"), IsEmpty());
}

TEST(PlateTest, Accepts) {
  EXPECT_THAT(Values("车牌号京A12345", "license_plate"), ElementsAre("京A12345"));
  EXPECT_THAT(Values("粤B·D12345 新能源", "license_plate"), ElementsAre("粤B·D12345"));
  EXPECT_THAT(Values("沪AD12345", "license_plate"), ElementsAre("沪AD12345"));
  EXPECT_THAT(Values("苏E 12345F", "license_plate"), ElementsAre("苏E 12345F"));
  EXPECT_THAT(Values("京A·12345", "license_plate"), ElementsAre("京A·12345"));
  EXPECT_THAT(Values("车辆 浙A1B2C3 停放", "license_plate"), ElementsAre("浙A1B2C3"));
  EXPECT_THAT(Values("粤B1234学", "license_plate"), ElementsAre("粤B1234学"));
  EXPECT_GT(ConfidenceOf("车牌 京A12345", "license_plate"), ConfidenceOf("京A12345", "license_plate"));
}

TEST(PlateTest, Rejects) {
  EXPECT_THAT(Values("京I12345", "license_plate"), IsEmpty());     // I is not used
  EXPECT_THAT(Values("京A1234O", "license_plate"), IsEmpty());     // nor O
  EXPECT_THAT(Values("京a12345", "license_plate"), IsEmpty());
  EXPECT_THAT(Values("京A1234", "license_plate"), IsEmpty());      // too short
  EXPECT_THAT(Values("京A123456", "license_plate"), IsEmpty());    // 6 digits is not a new-energy pattern
  EXPECT_THAT(Values("京AX12345", "license_plate"), IsEmpty());    // X is no new-energy letter
  EXPECT_THAT(Values("北A12345", "license_plate"), IsEmpty());     // not a province abbreviation
  EXPECT_THAT(Values("A12345", "license_plate"), IsEmpty());
  EXPECT_THAT(Values("京ABCDE1", "license_plate"), IsEmpty());     // too many letters
}

}  // namespace
}  // namespace custos::detect
