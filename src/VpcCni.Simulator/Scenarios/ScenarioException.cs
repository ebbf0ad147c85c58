using VpcCni.Engine.Errors;

namespace VpcCni.Simulator.Scenarios;

/// <summary>A scenario file or object that cannot be used; <see cref="Field"/> names the offending field.</summary>
public sealed class ScenarioException : VpcCniException
{
    public ScenarioException(string source, string field, string reason, Exception? innerException = null)
        : base(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Simulator.InvalidScenario, $"{source}: {field} {reason}", innerException)
    {
        ScenarioSource = source;
        Field = field;
    }

    /// <summary>The file path (or name) of the scenario.</summary>
    public string ScenarioSource { get; }

    public string Field { get; }
}
