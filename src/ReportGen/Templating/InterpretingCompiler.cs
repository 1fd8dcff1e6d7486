using System.Linq.Expressions;
using HandlebarsDotNet;
using HandlebarsDotNet.Features;

namespace ReportGen.Templating;

/// <summary>
/// Makes Handlebars run a template through the expression interpreter instead of compiling it
/// into IL: a template runs once per build, so compiling it to code (and JIT-compiling that
/// code) costs far more than interpreting it (see bench/cold.py).
/// </summary>
internal sealed class InterpretingCompiler : IFeatureFactory, IFeature
{
    public IFeature CreateFeature() => this;

    // Runs after Handlebars' own compiler feature, whose expression middlewares it keeps.
    public void OnCompiling(ICompiledHandlebarsConfiguration configuration) =>
        configuration.ExpressionCompiler = new Compiler(configuration.ExpressionMiddlewares);

    public void CompilationCompleted() { }

    private sealed class Compiler(IReadOnlyList<IExpressionMiddleware> middlewares) : IExpressionCompiler
    {
        public T Compile<T>(Expression<T> expression) where T : class, Delegate
        {
            foreach (var middleware in middlewares) expression = middleware.Invoke(expression);
            return expression.Compile(preferInterpretation: true);
        }
    }
}
