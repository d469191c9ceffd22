// Internal to detect: the Chinese label words after which a person's name is written
// ("姓名：", "客户", "法人"), shared by the Chinese and Latin name recognizers.
#ifndef CUSTOS_DETECT_RECOGNIZERS_NAME_LABELS_H_
#define CUSTOS_DETECT_RECOGNIZERS_NAME_LABELS_H_

#include <string_view>

namespace custos::detect {

// Label words: the name right after them is a field value ("姓名：张伟", "客户张伟").
inline constexpr std::string_view kLabelContext[] = {
    "姓名", "名字", "联系人", "收件人", "收货人", "寄件人", "发件人", "客户", "患者", "用户", "持卡人",
    "申请人", "经办人", "签名", "负责人", "法定代表人", "法人代表", "户主", "开户名", "户名", "账户名",
    "乘客", "旅客", "投保人", "被保险人", "受益人", "借款人", "担保人", "委托人", "代理人", "当事人",
    "业主", "房东", "租客", "收款人", "付款人", "领款人", "就诊人", "监护人", "学生姓名", "真实姓名",
    "本人", "签字", "姓名为", "名叫", "叫做", "法人", "我是", "我叫", "name", "contact", "who"};

}  // namespace custos::detect

#endif  // CUSTOS_DETECT_RECOGNIZERS_NAME_LABELS_H_
