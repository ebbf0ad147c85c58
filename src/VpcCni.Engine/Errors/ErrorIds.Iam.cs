namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Ids of the IAM policy generator.</summary>
    public static class Iam
    {
        /// <summary>A policy was asked for with a bad cluster name or partition.</summary>
        public const string InvalidPolicyRequest = "Iam.InvalidPolicyRequest";
    }
}
