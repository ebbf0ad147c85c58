namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>
    /// The EC2/IMDS simulator's own failures. What it answers on the wire are AWS error codes, not
    /// these ids; these are for the scenario files and options a user hands it.
    /// </summary>
    public static class Simulator
    {
        /// <summary>A scenario file or object names a field the simulator cannot use; the message names the field.</summary>
        public const string InvalidScenario = "Simulator.InvalidScenario";
    }
}
