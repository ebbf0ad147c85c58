namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Ids of the node checks (Test-VpcCniNode).</summary>
    public static class NodeCheck
    {
        /// <summary>A check name was asked for that no check has.</summary>
        public const string UnknownCheck = "NodeCheck.UnknownCheck";

        /// <summary>The options of a check run are invalid (an endpoint that does not parse, an empty namespace name).</summary>
        public const string InvalidOptions = "NodeCheck.InvalidOptions";
    }
}
