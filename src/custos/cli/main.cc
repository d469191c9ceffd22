#include <cstdio>
int main() { std::puts("custos"); return 0; }
