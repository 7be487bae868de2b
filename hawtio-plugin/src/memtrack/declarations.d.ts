declare module '*.md' {
  const content: string
  export default content
}
declare module '*.css'
