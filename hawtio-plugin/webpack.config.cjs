// Builds the plugin as a webpack Module Federation remote that the Hawtio console loads at run time.
// React, the router, @hawtio/react and PatternFly are the console's own copies (shared singletons with
// import: false), so the remote carries only memtrack's code.
const path = require('path')
const { ModuleFederationPlugin } = require('webpack').container

const outputPath = path.resolve(__dirname, 'target', 'plugin')

const fromConsole = requiredVersion => ({ singleton: true, import: false, requiredVersion })

module.exports = (_, args) => ({
  mode: args.mode ?? 'production',
  entry: {},
  devtool: args.mode === 'development' ? 'eval-source-map' : 'source-map',
  plugins: [
    new ModuleFederationPlugin({
      name: 'memtrack',
      filename: 'remoteEntry.js',
      exposes: { './plugin': './src/memtrack' },
      shared: {
        react: fromConsole('^18.2.0'),
        'react-dom': fromConsole('^18.2.0'),
        'react-router-dom': fromConsole('^6.28.0'),
        '@hawtio/react': fromConsole('^2.2.0'),
        '@patternfly/react-core': fromConsole('^6.2.0'),
        '@patternfly/react-table': fromConsole('^6.2.0'),
      },
    }),
  ],
  output: {
    clean: true,
    path: outputPath,
    publicPath: 'auto',
    filename: 'static/js/[name].[contenthash:8].js',
    chunkFilename: 'static/js/[name].[contenthash:8].chunk.js',
    assetModuleFilename: 'static/media/[name].[hash][ext]',
  },
  module: {
    rules: [
      { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.json' } } },
      { test: /\.css$/i, use: ['style-loader', 'css-loader'] },
      { test: /\.md$/i, type: 'asset/source' },
    ],
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  performance: { hints: false },
})
