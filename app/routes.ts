import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('portfolios/:slug', 'routes/portfolios/portfolio.tsx'),
  route('projects/:projectId', 'routes/projects/project.tsx'),
  route('audit', 'routes/audit.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
