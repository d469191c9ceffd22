#include "custos/base/status.h"

#include <gtest/gtest.h>

namespace custos {
namespace {

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, CarriesCodeAndMessage) {
  Status s = Status::IoError("a.csv: line 3: cannot read");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_EQ(s.ToString(), "I/O error: a.csv: line 3: cannot read");
}

TEST(StatusOrTest, HoldsValueOrStatus) {
  StatusOr<int> v = 7;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
  StatusOr<int> e = Status::NotFound("x");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kNotFound);
}

Status Fails() { return Status::Corruption("bad"); }
Status Propagates() {
  CUSTOS_RETURN_IF_ERROR(Fails());
  return Status::Ok();
}

TEST(StatusTest, ReturnIfErrorPropagates) { EXPECT_EQ(Propagates().code(), Status::Code::kCorruption); }

}  // namespace
}  // namespace custos
