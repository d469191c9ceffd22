// IP and MAC addresses through the public Detector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "custos/testing/detect_helpers.h"

namespace custos::detect {
namespace {

using ::custos::testing::FindAll;
using ::custos::testing::RecognizerOf;
using ::custos::testing::Values;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(NetworkIpv4, Accepts) {
  EXPECT_THAT(Values("client 192.168.1.10 connected", "ip_address"), ElementsAre("192.168.1.10"));
  EXPECT_THAT(Values("from 8.8.4.4:53", "ip_address"), ElementsAre("8.8.4.4"));
  EXPECT_THAT(Values("登录IP：10.0.0.1，成功", "ip_address"), ElementsAre("10.0.0.1"));
  EXPECT_THAT(Values("route 10.20.30.0/24.", "ip_address"), ElementsAre("10.20.30.0"));
  EXPECT_THAT(Values("10.0.0.1-10.0.0.255", "ip_address"), ElementsAre("10.0.0.1", "10.0.0.255"));
  EXPECT_THAT(Values("\"ip\":\"203.0.113.7\"", "ip_address"), ElementsAre("203.0.113.7"));
  EXPECT_EQ(RecognizerOf("addr 203.0.113.7", "ip_address"), "ipv4");
}

TEST(NetworkIpv4, RejectsVersionsAndLongerDottedSequences) {
  EXPECT_THAT(Values("build 20.38.242.5741", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("20.38.242.5741", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("1.2.3.4.5", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("oid 1.3.6.1.4.1.2021", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("version 10.2.3.4", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("Chrome ver 120.0.6099.109", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("256.1.1.1", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("01.2.3.4", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("1.2.3", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("v1.2.3.4", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("1.2.3.4a", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("10.2.3.4.", "ip_address"), ElementsAre("10.2.3.4"));  // sentence end is fine
  // Single-digit octets without context read as a version ("3.8.7.1" in a changelog).
  EXPECT_THAT(Values("upgrade to 3.8.7.1 now", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("patch V8 to 9.5.172.21 (Michael)", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("8.172.134.208 - - [05/Nov/2023:15:32:27 +0800] \"GET /", "ip_address"),
              ElementsAre("8.172.134.208"));
}

TEST(NetworkIpv4, OctetEdges) {
  // Each octet: 1-3 digits, no leading zero, at most 255, including at the unit's end.
  EXPECT_THAT(Values("x 203.0.113.255", "ip_address"), ElementsAre("203.0.113.255"));
  EXPECT_THAT(Values("x 203.0.113.0", "ip_address"), ElementsAre("203.0.113.0"));
  EXPECT_THAT(Values("x 203.0.113.256", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("x 203.0.113.2555", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("x 203.0.113.07", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("x 203.00.113.7", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("x 203.0.300.7 y", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("x 203.0.113.", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("x 203.0.113", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("203.0.113.7", "ip_address"), ElementsAre("203.0.113.7"));
}

TEST(NetworkIpv4, NotPersonalAddressesAreLowConfidence) {
  EXPECT_THAT(Values("bind 0.0.0.0", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("host 127.0.0.1", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("mask 255.255.255.0", "ip_address"), IsEmpty());
}

TEST(NetworkIpv4, ContextRaisesConfidence) {
  auto plain = FindAll("x 203.0.113.7");
  auto with = FindAll("client ip 203.0.113.7");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(with.size(), 1u);
  EXPECT_GT(with[0].confidence, plain[0].confidence);
  // "ver" inside "server" is not a version word.
  EXPECT_THAT(Values("server 203.0.113.7", "ip_address"), ElementsAre("203.0.113.7"));
  // A user agent's "Build/..." is no version word for a forwarded-for address.
  EXPECT_THAT(Values("\"Dalvik/2.1.0 (Linux; Android 12; Build/SKQ1.220358.001)\" x_forwarded_for=\"1.134.91.130\"",
                     "ip_address"),
              ElementsAre("1.134.91.130"));
}

TEST(NetworkIpv6, Accepts) {
  EXPECT_THAT(Values("src 2001:0db8:85a3:0000:0000:8a2e:0370:7334 ok", "ip_address"),
              ElementsAre("2001:0db8:85a3:0000:0000:8a2e:0370:7334"));
  EXPECT_THAT(Values("peer [2001:db8::8a2e:370:7334]:443", "ip_address"), ElementsAre("2001:db8::8a2e:370:7334"));
  EXPECT_THAT(Values("fe80::1ff:fe23:4567:890a%eth0", "ip_address"), ElementsAre("fe80::1ff:fe23:4567:890a"));
  EXPECT_THAT(Values("ip:2001:db8:0:1::42.", "ip_address"), ElementsAre("2001:db8:0:1::42"));
  EXPECT_THAT(Values("mapped ::ffff:192.168.1.1", "ip_address"), ElementsAre("::ffff:192.168.1.1"));
  EXPECT_THAT(Values("客户端地址2001:db8::1:2:3访问", "ip_address"), ElementsAre("2001:db8::1:2:3"));
  EXPECT_EQ(RecognizerOf("2001:db8::8a2e:370:7334", "ip_address"), "ipv6");
}

TEST(NetworkIpv6, Rejects) {
  EXPECT_THAT(Values("at 12:30:45 today", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("2024-05-06T12:30:45.123Z", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("std::string and a::b", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("ab:cd:ef:01:23:45", "ip_address"), IsEmpty());   // a MAC address
  EXPECT_THAT(Values("2001:db8:::1", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("1:2:3:4:5:6:7:8:9", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("listen [::]:80 and ::1", "ip_address"), IsEmpty());  // unspecified, loopback
  EXPECT_THAT(Values("xfe80::1ff:fe23:4567:890a", "ip_address"), IsEmpty());
}

TEST(NetworkIpv6, EmbeddedIpv4WithoutCompression) {
  EXPECT_THAT(Values("peer 2001:db8:1:2:3:4:192.168.1.1 up", "ip_address"), ElementsAre("2001:db8:1:2:3:4:192.168.1.1"));
  EXPECT_THAT(Values("x 1:2:3:4:5:6:1.2.3.04 y", "ip_address"), IsEmpty());  // leading zero in the quad
  EXPECT_THAT(Values("a 12345::1 b", "ip_address"), IsEmpty());               // five digits in a group
  EXPECT_THAT(Values("a 1::2::3 b", "ip_address"), IsEmpty());
}

TEST(NetworkIpv6, AccessLogTimestampIsNoAddress) {
  EXPECT_THAT(Values("2a00:1450:5460:e507:cb40:4bac:8d54:143c - - [17/Apr/2024:16:03:07 +0800] \"GET /\"", "ip_address"),
              ElementsAre("2a00:1450:5460:e507:cb40:4bac:8d54:143c"));
}

TEST(NetworkIpv6, FewColonsNeedCompression) {
  // Fewer than six colons is only an address with "::" in it.
  EXPECT_THAT(Values("x 2001:db8:85a3:8a2e:370 y", "ip_address"), IsEmpty());
  EXPECT_THAT(Values("x 2001:db8::370 y", "ip_address"), ElementsAre("2001:db8::370"));
  EXPECT_THAT(Values("ip fe80::1 y", "ip_address"), ElementsAre("fe80::1"));
  EXPECT_THAT(Values("x 2001:db8:1:2:3:4:5 y", "ip_address"), IsEmpty());  // seven groups
  EXPECT_THAT(Values("x ::ffff:10.0.0.1 y", "ip_address"), ElementsAre("::ffff:10.0.0.1"));
  // One group short: only the tail is an address, to the IPv4 recognizer.
  EXPECT_THAT(Values("x 2001:db8:1:2:3:10.0.0.1 y", "ip_address"), ElementsAre("10.0.0.1"));
  EXPECT_EQ(RecognizerOf("x 2001:db8:1:2:3:10.0.0.1 y", "ip_address"), "ipv4");
  // The run's end and its "::" are found 16 bytes at a time where 16 remain: every
  // offset against the unit's end, and runs longer than one block.
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string tail(pad, 'y');
    EXPECT_THAT(Values("x 2001:db8::370 " + tail, "ip_address"), ElementsAre("2001:db8::370")) << pad;
    EXPECT_THAT(Values("x 2001:db8:85a3:8a2e:370 " + tail, "ip_address"), IsEmpty()) << pad;
    EXPECT_THAT(Values("x 2001:0db8:85a3:0000:0000:8a2e:0370:7334 " + tail, "ip_address"),
                ElementsAre("2001:0db8:85a3:0000:0000:8a2e:0370:7334"))
        << pad;
    EXPECT_THAT(Values("x 2001:DB8:0:0:0:0:0:1 " + tail, "ip_address"), ElementsAre("2001:DB8:0:0:0:0:0:1")) << pad;
  }
}

TEST(NetworkIpv6, FoundWhereverTheUnitEnds) {
  // The colon scan reads 16 bytes at a time; the address must be found whether it
  // ends inside a block, on its edge or in the short tail.
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string text = std::string(pad, 'x') + " 2001:db8::8a2e:370:7334";
    EXPECT_THAT(Values(text, "ip_address"), ElementsAre("2001:db8::8a2e:370:7334")) << text;
    EXPECT_THAT(Values(text + " ok", "ip_address"), ElementsAre("2001:db8::8a2e:370:7334")) << text;
  }
}

TEST(NetworkMac, Accepts) {
  EXPECT_THAT(Values("ether 00:1a:2b:3c:4d:5e brd", "mac_address"), ElementsAre("00:1a:2b:3c:4d:5e"));
  EXPECT_THAT(Values("MAC地址：00-1A-2B-3C-4D-5E。", "mac_address"), ElementsAre("00-1A-2B-3C-4D-5E"));
  EXPECT_THAT(Values("cisco 001a.2b3c.4d5e", "mac_address"), ElementsAre("001a.2b3c.4d5e"));
  EXPECT_THAT(Values("AA:BB:CC:DD:EE:01", "mac_address"), ElementsAre("AA:BB:CC:DD:EE:01"));
  EXPECT_EQ(RecognizerOf("00:1a:2b:3c:4d:5e", "mac_address"), "mac");
}

TEST(NetworkMac, Rejects) {
  EXPECT_THAT(Values("00:1a-2b:3c:4d:5e", "mac_address"), IsEmpty());              // mixed separators
  EXPECT_THAT(Values("00:1a:2b:3c:4d:5e:6f", "mac_address"), IsEmpty());           // seven pairs
  EXPECT_THAT(Values("fp aa:bb:cc:dd:ee:ff:00:11:22", "mac_address"), IsEmpty());  // fingerprint
  EXPECT_THAT(Values("00:1a:2b:3c:4d", "mac_address"), IsEmpty());
  EXPECT_THAT(Values("00:1g:2b:3c:4d:5e", "mac_address"), IsEmpty());
  EXPECT_THAT(Values("00:00:00:00:00:00", "mac_address"), IsEmpty());
  EXPECT_THAT(Values("ff:ff:ff:ff:ff:ff", "mac_address"), IsEmpty());
  EXPECT_THAT(Values("12-34-56-78-90-12", "mac_address"), IsEmpty());  // digits only: needs context
  EXPECT_THAT(Values("mac 12-34-56-78-90-12", "mac_address"), ElementsAre("12-34-56-78-90-12"));
  EXPECT_THAT(Values("1.2.3 1234.5678.9012", "mac_address"), IsEmpty());
  EXPECT_THAT(Values("x00:1a:2b:3c:4d:5e", "mac_address"), IsEmpty());
  EXPECT_THAT(Values("mac 00:1a:2b:3c:4d:5", "mac_address"), IsEmpty());  // cut short at the end
  EXPECT_THAT(Values("cisco 001a.2b3c.4d5", "mac_address"), IsEmpty());
}

}  // namespace

namespace {

TEST(NetworkRegressionTest, VersionWordsOnlyLabelTheNumberNextToThem) {
  EXPECT_EQ(::custos::testing::Values("login user_id=884213 from 203.0.113.45 ua=\"okhttp/4.9.3\" app_ver=20.38.242.5741",
                                      "ip_address"),
            std::vector<std::string>{"203.0.113.45"});
  EXPECT_TRUE(::custos::testing::Values("firmware version 10.2.3.4 installed", "ip_address").empty());
}

}  // namespace
}  // namespace custos::detect
