using VpcCni.Simulator.Ec2;

namespace VpcCni.Simulator.Scenarios;

/// <summary>Range checks of a <see cref="FaultRule"/>, shared by scenario files and the control endpoint.</summary>
internal static class FaultValidator
{
    public static void Check(FaultRule fault, string at, Action<string, string> fail)
    {
        if (fault.Action != "*" && !Ec2ActionRegistry.IsKnown(fault.Action))
        {
            fail($"{at}.action", $"'{fault.Action}' is not an action the simulator serves (or '*')");
        }

        if (fault.Rate is < 0 or > 1 or double.NaN)
        {
            fail($"{at}.rate", "must be between 0 and 1");
        }

        if (fault.LatencyMs is < 0 or > 600_000)
        {
            fail($"{at}.latencyMs", "must be between 0 and 600000");
        }

        if (fault.Count is < 1)
        {
            fail($"{at}.count", "must be 1 or more (omit it for a sticky fault)");
        }

        if (fault.HttpStatus is < 400 or > 599)
        {
            fail($"{at}.httpStatus", "must be between 400 and 599");
        }

        if (fault.ErrorCode is null && fault.LatencyMs == 0)
        {
            fail(at, "needs an errorCode, a latencyMs, or both");
        }
    }
}
