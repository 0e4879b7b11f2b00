#pragma once

#include "services/base/result.h"
#include "services/process/toolrunner.h"

namespace Station {

// What a typed client call returns: the raw tool call (the step records its command line, exit
// code and output whatever happened) and the typed outcome.
template <typename T = void> struct ToolReply
{
    ToolResult tool;
    Result<T> value;

    bool isSuccess() const { return value.has_value(); }
    const Error &error() const { return value.error(); }
};

} // namespace Station
